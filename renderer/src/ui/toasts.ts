import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  message: string;
}

interface ToastState {
  toasts: Toast[];
}

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
  useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

function push(kind: Toast['kind'], message: string, ms: number): number {
  const id = nextId++;
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, kind, message }] }));
  timers.set(
    id,
    setTimeout(() => dismissToast(id), ms),
  );
  return id;
}

/** Short confirmations and errors, announced to screen readers. Errors stay longer. */
export const toast = {
  success: (message: string): number => push('success', message, 5000),
  error: (message: string): number => push('error', message, 10_000),
};

/** The message of any thrown value, for a toast. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
