// The upload of an import file with XMLHttpRequest, whose upload progress events fetch() lacks.

import { authHeaders } from '../auth/credentials.ts'
import { noteStatus } from '../auth/session.ts'
import type { ImportReport } from './import-report.ts'

/** The answer of an upload: the report (also for 422, a rejected or failed import) or an error. */
export type UploadResult = { report: ImportReport } | { error: string }

/**
 * POSTs `file` to /api/imports as multipart field "file", the options as fields before it;
 * `onProgress` gets bytes sent and the total, `onUploaded` fires when the server has it all.
 */
export function uploadImport(
  file: File,
  options: Record<string, string>,
  handlers: { onProgress(loadedBytes: number, totalBytes: number): void; onUploaded(): void },
): { done: Promise<UploadResult>; abort(): void } {
  const xhr = new XMLHttpRequest()
  const body = new FormData()
  // The service reads option fields only when they come before the file.
  for (const [name, value] of Object.entries(options)) body.append(name, value)
  body.append('file', file, file.name)
  const done = new Promise<UploadResult>((resolve) => {
    xhr.upload.addEventListener('progress', (event) => handlers.onProgress(event.loaded, event.lengthComputable ? event.total : file.size))
    xhr.upload.addEventListener('load', () => handlers.onUploaded())
    xhr.addEventListener('load', () => {
      noteStatus(xhr.status)
      let answer: (ImportReport & { message?: string }) | null = null
      try {
        answer = JSON.parse(xhr.responseText)
      } catch {}
      if (answer && typeof answer.rows_read === 'number') resolve({ report: answer })
      else resolve({ error: answer?.message ?? `${xhr.status} ${xhr.statusText}` })
    })
    xhr.addEventListener('error', () => resolve({ error: 'network error' }))
    xhr.addEventListener('abort', () => resolve({ error: 'aborted' }))
  })
  xhr.open('POST', '/api/imports')
  xhr.setRequestHeader('accept', 'application/json')
  for (const [name, value] of Object.entries(authHeaders('/api/imports'))) xhr.setRequestHeader(name, value)
  xhr.send(body)
  return { done, abort: () => xhr.abort() }
}
