import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { deleteRule } from "@/lib/server/alerts/store";
import { NotFoundError, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";

/** Deletes one rule (needs the API token): it stops being evaluated; its history stays. 404 when there is none. */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    if (!(await deleteRule(input.value.id))) throw new NotFoundError(`no alert rule ${input.value.id}`);
    return { deleted: input.value.id };
  });
}
