import { passwordProblem, type PasswordPolicy } from './password-policy';

const policy: PasswordPolicy = {
  minLength: 12,
  maxLength: 256,
  common: new Set(['admin', 'password', 'qwerty', 'iloveyou', 'demo', 'hanoi', 'matkhau', 'dragon', 'qwertyuiop123']),
};
const context = { username: 'tn.trangtien', fullName: 'Nguyễn Thị Lan' };

describe('passwordProblem', () => {
  it.each([
    ['Short1!', 'must be at least 12 characters'],
    ['elevenchars', 'must be at least 12 characters'],
    ['x'.repeat(257), 'must be at most 256 characters'],
    ['aaaaaaaaaaaaaaa', 'has too few different characters'],
    ['121212121212', 'has too few different characters'],
    ['qwertyuiop123', 'is a commonly used password'],
    ['QWERTYUIOP123', 'is a commonly used password'],
    ['Password2026!', 'is a common password or word with digits or symbols added'],
    ['P@ssw0rd20261', 'is a common password or word with digits or symbols added'],
    ['Demo@2026Demo@2026', 'is a common password or word with digits or symbols added'],
    ['4dmin@2026-2027', 'is a common password or word with digits or symbols added'],
    ['Demo@20262026', 'is a common password or word with digits or symbols added'],
    ['Hanoi@123456789', 'is a common password or word with digits or symbols added'],
    ['MatKhau#2026!!', 'is a common password or word with digits or symbols added'],
    ['2026!!Dragon##', 'is a common password or word with digits or symbols added'],
    ['tn.trangtien2026', 'must not contain the username or the name'],
    ['Trangtien@2026!', 'must not contain the username or the name'],
    ['NguyenThiLan1990', 'must not contain the username or the name'],
    ['Xk9#mP2$vL7q', null],
    ['correct horse battery staple', null],
    ['Phố Tràng Tiền mùa thu 2026', 'must not contain the username or the name'],
    ['Hồ Gươm mùa thu lá vàng', null],
    ['dragon flies over the lake', null],
    ['839201746592', null],
  ])('%j → %j', (password, problem) => {
    expect(passwordProblem(password, context, policy)).toBe(problem);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('Đường Hồ Gươm', { username: 'x.y' }, policy)).toBeNull();
    expect(passwordProblem('😀😁😂🤣😃😄😅😆😉😊😋', { username: 'x.y' }, policy)).toBe('must be at least 12 characters');
  });
});
