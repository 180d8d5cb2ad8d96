/** `true` when A and B have exactly the same members, else `false`. */
export type IsSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Fails to compile unless T is `true`: `type Check = Holds<IsSame<Stored, Core>>` ties the
 * database's or the API's copy of a list to core's, so the build breaks when they drift.
 */
export type Holds<T extends true> = T;
