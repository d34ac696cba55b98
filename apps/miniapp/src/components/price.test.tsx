import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Price } from './price';

describe('Price', () => {
  it('shows integer fen as a ¥ amount with two decimals', () => {
    // Given a price of 12345 fen
    const { container } = render(<Price fen={12345} />);

    // Then the shopper reads ¥123.45 and no struck-through price
    expect(container.querySelector('.mm-price__current')?.textContent).toBe('¥123.45');
    expect(container.querySelector('.mm-price__yuan')?.textContent).toBe('123');
    expect(container.querySelector('.mm-price__cents')?.textContent).toBe('.45');
    expect(container.querySelector('.mm-price__original')).toBeNull();
  });

  it('strikes through a higher original price', () => {
    const { container } = render(<Price fen={9900} originalFen={19900} />);

    expect(container.querySelector('.mm-price__current')?.textContent).toBe('¥99.00');
    expect(container.querySelector('.mm-price__original')?.textContent).toBe('¥199.00');
  });

  it('hides an original price that is not higher than the current one', () => {
    const { container } = render(<Price fen={5} originalFen={5} />);

    expect(container.querySelector('.mm-price__current')?.textContent).toBe('¥0.05');
    expect(container.querySelector('.mm-price__original')).toBeNull();
  });
});
