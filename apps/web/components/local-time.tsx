'use client';
import { useEffect, useState } from 'react';

const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * A point in time in the reader's own time zone and language. The server renders it in UTC
 * (marked so); the browser replaces that with local time once the page is running.
 */
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [text, setText] = useState(
    () => `${date.toLocaleString('en-GB', { ...options, timeZone: 'UTC' })} UTC`,
  );
  useEffect(() => {
    setText(new Date(iso).toLocaleString(undefined, options));
  }, [iso]);
  return (
    <time dateTime={iso} data-testid="local-time">
      {text}
    </time>
  );
}
