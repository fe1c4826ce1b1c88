import { rowIdParams } from "@/lib/dashboard/alert-schemas";
import { alertDelivery } from "@/lib/server/alerts/delivery";
import { redeliver } from "@/lib/server/alerts/store";
import { NotFoundError, parseRequest, respond } from "@/lib/server/api";
import { refuseWithoutToken } from "@/lib/server/api-token";

/** Sends a dead-lettered event again (needs the API token); 404 when no dead event has that id. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const refused = refuseWithoutToken(request);
  if (refused) return refused;
  const input = parseRequest(request, rowIdParams, await ctx.params);
  if (!input.ok) return input.response;
  return respond(async () => {
    if (!(await redeliver(input.value.id))) throw new NotFoundError(`no dead-lettered alert event ${input.value.id}`);
    alertDelivery().kick();
    return { queued: input.value.id };
  });
}
