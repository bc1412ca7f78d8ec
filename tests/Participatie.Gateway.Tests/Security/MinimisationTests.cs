using System.Security.Cryptography;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Options;
using Participatie.Domain;
using Participatie.Gateway.Security;

namespace Participatie.Gateway.Tests.Security;

/// <summary>Data minimisation: fields the platform must never hold, and the BSN only as encrypted text.</summary>
public sealed class MinimisationTests
{
    private static readonly string[] Forbidden = ["nationality", "ethnicity", "ethnic", "country_of_birth", "birth_country", "race", "religion", "migration", "origin", "fraud", "risk_score"];

    [Fact]
    public void NoMessageOfTheContractHasAFieldForNationalityEthnicityOrRiskScores()
    {
        var fields = AccessRules.PublicServices
            .SelectMany(s => s.File.MessageTypes.Concat(s.File.Dependencies.SelectMany(d => d.MessageTypes)))
            .SelectMany(Flatten)
            .SelectMany(m => m.Fields.InDeclarationOrder().Select(f => $"{m.FullName}.{f.Name}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.DoesNotContain(Forbidden, word => f.Split('.')[^1].Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void NoStoredStateHasSuchAFieldEither()
    {
        var states = typeof(Grains.Clients.ClientState).Assembly.GetTypes().Where(t => t.Name.EndsWith("State", StringComparison.Ordinal) || t.Name.EndsWith("Record", StringComparison.Ordinal));
        var properties = states.SelectMany(t => t.GetProperties().Select(p => $"{t.Name}.{p.Name}")).ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, p => Assert.DoesNotContain(Forbidden, word => p.Split('.')[^1].Contains(word.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheBsnIsEncryptedWithAFreshNonceAndTamperingIsDetected()
    {
        Assert.True(Bsn.TryParse("111222333", out var bsn));
        var protector = Protector(("k2", Key(2)), ("k1", Key(1)));

        var first = protector.Protect(bsn);
        var second = protector.Protect(bsn);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("111222333", first, StringComparison.Ordinal);
        Assert.StartsWith("v1:k2:", first, StringComparison.Ordinal);
        Assert.Equal("111222333", protector.Unprotect(first).Digits);
        var bytes = Convert.FromBase64String(first.Split(':')[2]);
        bytes[14] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect($"v1:k2:{Convert.ToBase64String(bytes)}"));
        Assert.Equal("BSN(*********)", bsn.ToString());
    }

    [Fact]
    public void ARotatedKeyStillDecryptsWhatTheOldKeyEncrypted()
    {
        Assert.True(Bsn.TryParse("111222333", out var bsn));
        var old = Protector(("k1", Key(1))).Protect(bsn);

        var rotated = Protector(("k2", Key(2)), ("k1", Key(1)));

        Assert.Equal(bsn, rotated.Unprotect(old));
        Assert.ThrowsAny<CryptographicException>(() => Protector(("k2", Key(2))).Unprotect(old));
    }

    private static BsnProtector Protector(params (string Id, string Key)[] keys) =>
        new(Options.Create(new PrivacyOptions { BsnKeys = [.. keys.Select(k => new SigningKey { KeyId = k.Id, Key = k.Key })] }));

    private static string Key(byte seed) => Convert.ToBase64String(Enumerable.Repeat(seed, 32).ToArray());

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) => message.NestedTypes.SelectMany(Flatten).Prepend(message);
}
