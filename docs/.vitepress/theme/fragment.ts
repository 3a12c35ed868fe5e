// A catalog in a link's fragment (#catalog=…): compressed with deflate-raw, in base64url, so a link to a whole
// catalog stays short and never reaches a server (a fragment isn't sent).
const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer())

export const encodeCatalog = async (text: string): Promise<string> => {
  const packed = await bytesOf(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')))
  let binary = ''
  for (const b of packed) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export const decodeCatalog = async (encoded: string): Promise<string> => {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'))
  const packed = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(await bytesOf(new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))))
}
