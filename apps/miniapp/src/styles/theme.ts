// Colours for component props that take a literal colour (Switch, ...), where CSS variables do
// not reach on mini-programs. Mirrors $color-brand in _tokens.scss.
export const brandColor = '#e4393c';
