import { useEffect, useState } from 'react';

/**
 * Focuses an element by id once the next render is on screen: a field refused by the API
 * gets its error, and is enabled again, only in the render after the refusal arrives.
 * @returns the function that asks for it
 */
export function useFocusAfterRender(): (id: string) => void {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    document.getElementById(id)?.focus();
    setId(null);
  }, [id]);
  return setId;
}
