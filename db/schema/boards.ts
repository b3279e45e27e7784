import { pgTable, uuid, text, timestamp, integer, pgEnum, primaryKey, unique, index } from "drizzle-orm/pg-core";
import { users } from "./people";
import { cases } from "./cases";

export const boards = pgTable("boards", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const boardMembers = pgTable(
  "board_members",
  {
    boardId: uuid("board_id").notNull().references(() => boards.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.userId] }), index("board_members_user_idx").on(t.userId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    boardId: uuid("board_id").notNull().references(() => boards.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    location: text("location"),
  },
  (t) => [index("meetings_board_idx").on(t.boardId, t.startsAt)],
);

export const agendaStatusEnum = pgEnum("agenda_status", ["pending", "discussed", "decided", "deferred"]);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    question: text("question").notNull(),
    status: agendaStatusEnum("status").notNull().default("pending"),
  },
  (t) => [unique("agenda_items_position_uq").on(t.meetingId, t.position), index("agenda_items_case_idx").on(t.caseId)],
);
