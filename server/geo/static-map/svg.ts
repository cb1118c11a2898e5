// The static maps' SVG text helpers live in shared/ (the charts draw with them too).
export * from '../../../shared/svg-text.ts'
