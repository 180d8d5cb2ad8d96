'use client';

import { useEffect, useState } from 'react';

import { ASSUMED_ROOM, ROOM_MARGIN, type Box } from './grid-density';

/**
 * The room the grid has: the width of its box (the page's width, whatever the grid's own)
 * and the viewport's height less {@link ROOM_MARGIN}, kept up to date as the window
 * resizes. {@link ASSUMED_ROOM} until it has measured, so that the first render draws
 * what the server drew.
 * @param box the grid's scrolling box, null until mounted
 */
export function useGridRoom(box: HTMLElement | null): Box {
  const [room, setRoom] = useState<Box>(ASSUMED_ROOM);
  useEffect(() => {
    if (box === null) return undefined;
    const measure = () => {
      const width = box.clientWidth;
      const height = window.innerHeight - ROOM_MARGIN;
      setRoom((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [box]);
  return room;
}
