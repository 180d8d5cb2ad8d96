'use client';

/** Props Next.js passes to a route error boundary. */
export interface RouteErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** Shown when rendering a page throws; offers to render it again. */
export default function RouteError({ error, reset }: RouteErrorProps) {
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>Something went wrong.</strong> {error.message}
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
