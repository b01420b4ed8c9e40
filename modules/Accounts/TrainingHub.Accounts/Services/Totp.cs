using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrainingHub.Accounts.Services;

/// <summary>
/// The six-digit code an authenticator app shows for a shared key at a moment (RFC 6238: HMAC-SHA1, 30-second steps).
/// Identity only verifies codes; this computes them, to check a code only once and for the demo administrator's code in
/// Development and tests.
/// </summary>
internal static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key, DateTimeOffset at) => CodeAt(base32Key, Step(at));

    /// <summary>The 30-second step a moment falls in, counted from 1970.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string CodeAt(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=' or '-')))
        {
            var index = Base32Alphabet.IndexOf(c);
            if (index < 0)
            {
                throw new FormatException($"'{c}' is not a base-32 character.");
            }
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
