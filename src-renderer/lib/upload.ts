/** A chosen file as the API carries it: name, type and the bytes in base64 (without the data: prefix). */
export function readUpload(file: File): Promise<{ name: string; mime: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ name: file.name, mime: file.type || 'application/octet-stream', base64: url.slice(url.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(new Error(`无法读取文件「${file.name}」`))
    reader.readAsDataURL(file)
  })
}
