import { javaCommand, parseJavaMajor } from './java';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['Picked up JAVA_TOOL_OPTIONS: -Xss1m\nopenjdk version "25-ea" 2025-09-16', 25],
  ])('reads %j as %i', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('answers undefined for output without a version', () => {
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined();
  });
});

describe('javaCommand', () => {
  it('prefers JAVA_HOME over PATH', () => {
    expect(javaCommand('/opt/jdk-17')).toBe('/opt/jdk-17/bin/java');
    expect(javaCommand('')).toBe('java');
  });
});
