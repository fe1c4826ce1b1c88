import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { NotFoundError, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { deleteView } from "@/lib/server/ops/saved-views";

/** Deletes one saved view (needs the API token); 404 when there is none. */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    if (!(await deleteView(input.value.id))) throw new NotFoundError(`no saved view ${input.value.id}`);
    return { deleted: input.value.id };
  });
}
