// The shape a translation must have: every key of the Chinese catalog (the reference), each value of
// the same kind. A message with `{name}` placeholders must use the same placeholders, a list must have
// as many entries, a function the same parameters; anything missing is a compile error in the
// translation's file, so a translator edits one file per language and tsc says what is left.

/** The `{name}` placeholders of a message, as a union of names. */
export type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A string that contains every placeholder of `S` (plain `string` when `S` has none). */
type WithPlaceholders<S extends string> = [Placeholders<S>] extends [never]
  ? string
  : UnionToIntersection<Placeholders<S> extends infer P ? (P extends string ? `${string}{${P}}${string}` : never) : never>;

/** A list of as many strings as `A` has (a homomorphic mapped type keeps the tuple's length). */
type SameLength<A> = { readonly [I in keyof A]: string };

/** What a translation of the reference catalog `T` must provide. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? WithPlaceholders<T[K]>
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : T[K] extends readonly string[]
        ? SameLength<T[K]>
        : Translation<T[K]>;
};
