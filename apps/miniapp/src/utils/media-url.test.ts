import { describe, expect, it } from 'vitest';
import { mediaUrl } from './media-url';

describe('mediaUrl', () => {
  it('puts the API base in front of server paths on mini-programs only', () => {
    expect(mediaUrl('/uploads/avatars/a.webp', 'https://api.example.com')).toBe('https://api.example.com/uploads/avatars/a.webp');
    expect(mediaUrl('/uploads/avatars/a.webp', '')).toBe('/uploads/avatars/a.webp');
    expect(mediaUrl('https://cdn.example.com/a.png', 'https://api.example.com')).toBe('https://cdn.example.com/a.png');
  });
});
