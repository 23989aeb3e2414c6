import { en } from './en';
import { nb } from './nb';

/** Every message of both languages: the server's (and the tests') dictionaries. */
export const allMessages = { nb, en };
