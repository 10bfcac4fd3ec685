import type { InputOf, OutputOf } from '../../../api/client'

/** The agenda as `topics.list` returns it (R-M3). */
export type Agenda = OutputOf<'topics.list'>
export type Topic = Agenda['topics'][number]
export type TopicFile = Topic['files'][number]
export type Classification = NonNullable<InputOf<'topics.submit'>['classification']>
export type TopicFileKind = InputOf<'topics.submit'>['files'] extends (infer F)[] | undefined ? F extends { kind: infer K } ? K : never : never

