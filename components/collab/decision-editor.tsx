"use client";
/**
 * The decision draft: Tiptap bound to the shared `decisionDraft` fragment (y-prosemirror via
 * Tiptap's Collaboration extension), with each author's caret. ProseMirror renders the document
 * through its schema, so whatever a client writes into the fragment never becomes raw HTML.
 */
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { decisionDraft } from "@/server/collab/doc-shape";
import type { CaseDoc } from "./use-case-doc";

/** A caret with its author's name, built from text nodes and inline styles only. */
function caret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#9aa6b2";
  const el = document.createElement("span");
  el.style.cssText = `position:relative;margin:0 -1px;border-left:2px solid ${color};pointer-events:none;word-break:normal;`;
  const label = document.createElement("span");
  label.style.cssText = `position:absolute;top:-1.3em;left:-2px;padding:0 4px;border-radius:3px;font-size:11px;line-height:1.3em;white-space:nowrap;color:#0e1116;background:${color};`;
  label.append(document.createTextNode(typeof user.name === "string" ? user.name : "someone"));
  el.append(label);
  return el;
}

export function DecisionEditor({ collab, editable }: { collab: CaseDoc; editable: boolean }) {
  const fragment = decisionDraft(collab.doc);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // Undo/redo comes from the collaboration binding (per user), not ProseMirror's history.
        StarterKit.configure({ undoRedo: false, link: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider: collab.provider, user: collab.me, render: caret }),
      ],
      editorProps: {
        attributes: {
          "data-testid": "decision-editor",
          "aria-label": "Decision draft",
          class: "min-h-32 rounded border border-line bg-canvas px-3 py-2 text-sm text-ink focus:border-accent focus:outline-none [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_h1]:text-lg [&_h2]:font-semibold",
        },
      },
    },
    [collab.doc, collab.provider],
  );
  if (!fragment) return <p className="text-sm text-bad">The shared draft has an unexpected shape and cannot be edited here.</p>;
  return <EditorContent editor={editor} />;
}
