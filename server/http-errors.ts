// Client errors that name the request field at fault; the central error handler renders them.

/** A 400 whose JSON body names the field ("bbox", "limit", "body.geometry"). */
export class BadRequestError extends Error {
  readonly statusCode = 400
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/** Runs a parser, turning what it throws into a 400 naming the field. */
export function parseField<T>(field: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    throw new BadRequestError(field, (err as Error).message)
  }
}
