import { z } from 'zod'
import { ERROR_STATUS } from '../kernel/errors'
import type { ProcedureMap } from './router'

/** The contract as OpenAPI 3.1, generated from the same zod schemas the router validates with. */
export function openApiDocument(procedures: ProcedureMap, version: string) {
  const paths: Record<string, unknown> = {}
  for (const [name, proc] of Object.entries(procedures)) {
    paths[`/rpc/${name}`] = {
      post: {
        operationId: name,
        summary: proc.summary,
        tags: [name.split('.')[0]],
        'x-kind': proc.kind,
        'x-access': proc.access,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(proc.input, { io: 'input', unrepresentable: 'any' }) } },
        },
        responses: {
          200: { description: '成功', content: { 'application/json': { schema: { $ref: '#/components/schemas/Ok' } } } },
          default: { description: '失败', content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } } },
        },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: '三办 API', version, description: '每个功能是一个 POST /rpc/<名称>，请求体为 JSON。除登录外均需先登录（会话 Cookie）；修改类请求须带同源 Origin。' },
    paths,
    components: {
      schemas: {
        Ok: { type: 'object', properties: { ok: { const: true }, result: {} }, required: ['ok'] },
        Failure: {
          type: 'object',
          required: ['ok', 'error'],
          properties: {
            ok: { const: false },
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { enum: Object.keys(ERROR_STATUS) },
                message: { type: 'string', description: '中文说明' },
                field: { type: 'string' },
                rule: { type: 'string' },
              },
            },
          },
        },
      },
    },
  }
}
