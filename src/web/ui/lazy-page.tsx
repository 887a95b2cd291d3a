import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when first visited, so that the first screen (sign-in, dashboard) downloads and
 * starts without the code of every other page.
 */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): Module[Name] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<object> })) as Module[Name];
}
