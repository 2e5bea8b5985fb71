export const EXIT_CONFORMANT = 0;
export const EXIT_NOT_CONFORMANT = 1;
export const EXIT_USAGE_OR_INPUT = 2;
