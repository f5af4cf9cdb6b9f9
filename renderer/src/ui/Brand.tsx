/** The Branchdesk mark and name (the app icon, served from the renderer's public folder). */
export function Brand() {
  return (
    <div className="brand">
      <img className="brand-mark" src="./favicon.svg" alt="" width={28} height={28} />
      Branchdesk
    </div>
  );
}
