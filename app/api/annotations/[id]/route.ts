import { annotationIdParams } from "@/lib/dashboard/annotation-schemas";
import { NotFoundError, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";
import { deleteAnnotation } from "@/lib/server/ops/annotations";

/** Deletes one annotation (needs the API token); 404 when there is none with that id. */
export async function DELETE(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, annotationIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    if (!(await deleteAnnotation(input.value.id))) throw new NotFoundError(`no annotation ${input.value.id}`);
    return { deleted: input.value.id };
  });
}
