/// <reference types="vite/client" />
// window.api: the host bridge (Electron preload or the browser host), typed by the shared contract.
import { type TouchplanApi } from '../../shared/api';

declare global {
  interface Window {
    api: TouchplanApi;
  }
}

export {};
