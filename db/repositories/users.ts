import { eq, asc, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

export type Role = (typeof users.$inferSelect)["role"];
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
}
type UserRow = typeof users.$inferSelect;

const toDto = (u: UserRow): UserDto => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export async function findUserByEmail(db: Db, email: string): Promise<(UserDto & { passwordHash: string; disabled: boolean }) | undefined> {
  const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return u && { ...toDto(u), passwordHash: u.passwordHash, disabled: u.disabledAt !== null };
}

export async function findUserById(db: Db, id: string): Promise<UserDto | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u && toDto(u);
}

export async function createUser(db: Db, input: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserDto> {
  const [u] = await db
    .insert(users)
    .values({ ...input, email: input.email.trim().toLowerCase() })
    .returning();
  return toDto(u!);
}

export async function listUsers(db: Db): Promise<UserDto[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toDto);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
