// Types for the parts of @echogarden/espeak-ng-emscripten the fallback uses
// (the package ships none).
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    type: 'list_terminated' | 'word' | 'sentence' | 'mark' | 'play' | 'end' | 'msg_terminated' | 'phoneme' | 'samplerate';
    /** 1-based, in characters (code points) of the input text. */
    text_position: number;
    word_length: number;
    /** Milliseconds from the start of the synthesized audio. */
    audio_position: number;
  }
  export interface ESpeakNGWorker {
    set_voice(name: string): number;
    get_samplerate(): number;
    rate: number;
    pitch: number;
    volume: number;
    range: number;
    synthesize(text: string, callback: (samples: Int16Array, events: EspeakEvent[]) => boolean | number | void): void;
    list_voices(): Array<{ name: string; identifier: string; languages: Array<{ priority: number; name: string }> }>;
  }
  export interface EspeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
    FS_createDataFile(parent: string, name: string | null, data: Uint8Array, canRead: boolean, canWrite: boolean, canOwn: boolean): unknown;
  }
  export interface EspeakModuleArgs {
    getPreloadedPackage?(name: string, size: number): ArrayBuffer;
    preRun?: Array<(module: EspeakModule) => void>;
    print?(text: string): void;
    printErr?(text: string): void;
  }
  const factory: (args?: EspeakModuleArgs) => Promise<EspeakModule>;
  export default factory;
}
