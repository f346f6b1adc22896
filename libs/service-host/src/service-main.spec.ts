import { option, secretOption, text } from '@ferry/config';
import { runServiceMain, serviceHelp } from './service-main';

const main = {
  name: 'example',
  migrations: [],
  start: () => Promise.resolve(),
  options: {
    topic: option('FERRY_EXAMPLE_TOPIC', text, 'ferry.example', 'Topic consumed'),
    password: secretOption('EXAMPLE_PASSWORD', 'Password of the example'),
  },
};

describe('a service entry point', () => {
  it('prints every variable of the service and of its migrate step on --help', () => {
    const help = serviceHelp(main);
    expect(help).toContain('example: usage: main.js [migrate | --help]');
    expect(help).toContain('FERRY_EXAMPLE_TOPIC (default: "ferry.example") Topic consumed');
    expect(help).toContain('EXAMPLE_PASSWORD (secret, default: "")');
    // The migrate step's own variables, under its command.
    expect(help.indexOf('FERRY_DB_RUNTIME_ROLE')).toBeGreaterThan(help.indexOf('main.js migrate'));
  });

  it('answers --help without starting the service', () => {
    const start = jest.fn(() => Promise.resolve());
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      runServiceMain({ ...main, start }, ['--help']);
    } finally {
      write.mockRestore();
    }
    expect(start).not.toHaveBeenCalled();
    expect(written.join('')).toBe(serviceHelp(main));
  });
});
