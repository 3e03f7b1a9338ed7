import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('bankconnect', {});
