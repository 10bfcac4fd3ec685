/** A chosen file's bytes as base64, for imports.read (both transports carry JSON). */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`无法读取文件「${file.name}」，请确认文件没有被其他程序占用`))
    reader.readAsDataURL(file)
  })
}
