import type { InputOf, OutputOf } from '../../../api/client'

/** The agenda as `meetings.topics` returns it (R-M3). */
export type Agenda = OutputOf<'meetings.topics'>
export type Topic = Agenda['topics'][number]
export type TopicFile = Topic['files'][number]
export type Classification = NonNullable<InputOf<'meetings.submitTopic'>['classification']>
export type TopicFileKind = InputOf<'meetings.submitTopic'>['files'] extends (infer F)[] | undefined ? F extends { kind: infer K } ? K : never : never

