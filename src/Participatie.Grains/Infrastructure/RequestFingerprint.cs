using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Participatie.Grains.Infrastructure;

/// <summary>
/// What a request asked for, without its request_id: a repeat with the same request_id and the same fingerprint is
/// the same request sent again (answered with the first result); a different fingerprint is a key reused for
/// something else (ALREADY_EXISTS).
/// </summary>
internal static class RequestFingerprint
{
    public static string Of<TCommand>(TCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command))));
}
