import { respond } from "@/lib/server/api";
import { getCategories } from "@/lib/server/queries/categories";

export async function GET() {
  return respond(() => getCategories());
}
