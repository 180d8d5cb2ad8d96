import { SweepList } from './_components/sweep-list';

/** Home page: every sweep, newest state polled. */
export default function HomePage() {
  return (
    <>
      <h1>Sweeps</h1>
      <SweepList />
    </>
  );
}
