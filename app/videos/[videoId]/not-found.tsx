import Link from "next/link";

export default function VideoNotFound() {
  return (
    <div className="py-24 text-center" data-testid="video-not-found">
      <h1 className="text-2xl font-semibold">No such video</h1>
      <p className="mt-2 text-slate-500">Pulse knows no video with this id: it is not in the video dimension and had no traffic in the last 24 hours.</p>
      <Link href="/" className="mt-6 inline-block text-rose-600 underline dark:text-rose-400">
        Back to the live pulse
      </Link>
    </div>
  );
}
