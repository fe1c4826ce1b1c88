import type { Metadata } from "next";
import { AnnotationsClient } from "./client";

export const metadata: Metadata = { title: "Annotations" };

/** Deploys, incidents and notes: the last week's, and a form for a new one (the list is the client's own fetch: its window is the viewer's now). */
export default function AnnotationsPage() {
  return <AnnotationsClient />;
}
