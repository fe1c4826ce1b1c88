import Link from "next/link";

export default function PlaylistNotFound() {
  return (
    <div className="py-24 text-center">
      <h1 className="text-2xl font-semibold">No such playlist</h1>
      <p className="mt-2 text-slate-500">It may have been deleted.</p>
      <Link href="/playlists" className="mt-6 inline-block text-rose-700 underline dark:text-rose-300">
        All playlists
      </Link>
    </div>
  );
}
