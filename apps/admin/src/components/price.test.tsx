import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Price } from './price.tsx';

describe('Price', () => {
  it('shows integer fen as yuan with the ¥ sign', () => {
    const { container } = render(<Price fen={12345} />);

    expect(container.textContent).toBe('¥123.45');
    expect(container.querySelector('del')).toBeNull();
  });

  it('strikes through an original price that is higher than the selling price', () => {
    const { container } = render(<Price fen={9900} originalFen={12900} />);

    expect(container.querySelector('del')?.textContent).toBe('¥129.00');
    expect(container.textContent).toBe('¥99.00¥129.00');
  });

  it('hides an original price that is not higher than the selling price', () => {
    const { container } = render(<Price fen={9900} originalFen={9900} />);

    expect(container.querySelector('del')).toBeNull();
  });

  it('drops trailing .00 when compact', () => {
    const { container } = render(<Price fen={3000} originalFen={3550} compact />);

    expect(container.textContent).toBe('¥30¥35.50');
  });
});
