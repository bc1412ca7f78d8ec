using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Participatie.Domain.Tests.Identity;

public sealed class IdsTests
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    public static TheoryData<IdKind> GeneratedKinds => [IdKind.Client, IdKind.Coach];

    [Fact]
    public void ANewClientIdIsAValidClientIdOfNineteenCharacters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var id = Ids.NewClientId();

            Assert.Equal(19, id.Length);
            Assert.StartsWith("cl-", id, StringComparison.Ordinal);
            Assert.True(Ids.IsValid(IdKind.Client, id), id);
            Assert.False(Ids.IsValid(IdKind.Coach, id), id);
            Assert.False(Ids.IsValid(IdKind.Neighbourhood, id), id);
        }
    }

    [Fact]
    public void ANewCoachIdIsAValidCoachIdOfNineteenCharacters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var id = Ids.NewCoachId();

            Assert.Equal(19, id.Length);
            Assert.StartsWith("co-", id, StringComparison.Ordinal);
            Assert.True(Ids.IsValid(IdKind.Coach, id), id);
            Assert.False(Ids.IsValid(IdKind.Client, id), id);
            Assert.False(Ids.IsValid(IdKind.Neighbourhood, id), id);
        }
    }

    [Fact]
    public void NewIdsAreUniqueAcrossManyCalls()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(ids.Add(Ids.NewClientId()));
            Assert.True(ids.Add(Ids.NewCoachId()));
        }

        // Uniqueness of the random part, not just of prefix plus random part.
        Assert.Equal(40_000, ids.Select(id => id[3..]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewIdsUseOnlyCrockfordsLowerCaseAlphabetAfterThePrefix()
    {
        var seen = new HashSet<char>();
        for (var i = 0; i < 2_000; i++)
        {
            foreach (var c in Ids.NewClientId()[3..] + Ids.NewCoachId()[3..])
            {
                Assert.Contains(c, Crockford);
                seen.Add(c);
            }
        }

        // With 64,000 random characters every letter of the alphabet shows up; a stuck encoder would not.
        Assert.Equal(Crockford.Length, seen.Count);
    }

    [Theory]
    [InlineData(Ids.ClientPrefix)]
    [InlineData(Ids.CoachPrefix)]
    [InlineData(Ids.NeighbourhoodPrefix)]
    public void EveryPrefixHoldsACharacterThatIsNotHexadecimal(string prefix)
    {
        Assert.Contains(prefix, c => !char.IsAsciiHexDigit(c));
    }

    [Fact]
    public void EachKindHasItsOwnPrefix()
    {
        Assert.Equal("cl-", Ids.Prefix(IdKind.Client));
        Assert.Equal("co-", Ids.Prefix(IdKind.Coach));
        Assert.Equal("wk-", Ids.Prefix(IdKind.Neighbourhood));
    }

    [Fact]
    public void AnUnknownKindHasNoPrefix()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ids.Prefix((IdKind)99));
    }

    [Theory]
    [InlineData(IdKind.Client)]
    [InlineData(IdKind.Coach)]
    [InlineData(IdKind.Neighbourhood)]
    public void FromRequestKeyIsDeterministicPerKindAndKey(IdKind kind)
    {
        var first = Ids.FromRequestKey(kind, "request-7f3a");
        var second = Ids.FromRequestKey(kind, "request-7f3a");

        Assert.Equal(first, second);
        Assert.True(Ids.IsValid(kind, first), first);
        Assert.Equal(19, first.Length);
        Assert.StartsWith(Ids.Prefix(kind), first, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRequestKeyDiffersAcrossKindsBeyondThePrefix()
    {
        var client = Ids.FromRequestKey(IdKind.Client, "same-key");
        var coach = Ids.FromRequestKey(IdKind.Coach, "same-key");
        var neighbourhood = Ids.FromRequestKey(IdKind.Neighbourhood, "same-key");

        Assert.NotEqual(client[3..], coach[3..]);
        Assert.NotEqual(client[3..], neighbourhood[3..]);
        Assert.NotEqual(coach[3..], neighbourhood[3..]);
    }

    [Theory]
    [InlineData(IdKind.Client)]
    [InlineData(IdKind.Coach)]
    public void FromRequestKeyDiffersAcrossKeys(IdKind kind)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(ids.Add(Ids.FromRequestKey(kind, $"key-{i}")));
        }

        Assert.NotEqual(Ids.FromRequestKey(kind, "abc"), Ids.FromRequestKey(kind, "abd"));
        Assert.NotEqual(Ids.FromRequestKey(kind, "abc"), Ids.FromRequestKey(kind, "ABC"));
        Assert.NotEqual(Ids.FromRequestKey(kind, string.Empty), Ids.FromRequestKey(kind, " "));
    }

    [Fact]
    public void FromRequestKeyRevealsNothingOfTheKey()
    {
        var id = Ids.FromRequestKey(IdKind.Client, "111222333");

        Assert.DoesNotContain("111222333", id, StringComparison.Ordinal);
        Assert.DoesNotContain("1112", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdKind.Client, "request-1")]
    [InlineData(IdKind.Coach, "request-1")]
    [InlineData(IdKind.Neighbourhood, "")]
    [InlineData(IdKind.Client, "ключ-ünïcode")]
    public void FromRequestKeyIsTheBase32OfTheFirstTenBytesOfTheHashOfKindAndKey(IdKind kind, string key)
    {
        // Computed independently so that a change of the scheme, which would send repeated requests to new grains, is caught.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{key}"));
        var number = new BigInteger(hash.AsSpan(0, 10), isUnsigned: true, isBigEndian: true);
        var expected = new StringBuilder(Ids.Prefix(kind));
        for (var i = 15; i >= 0; i--)
        {
            expected.Append(Crockford[(int)((number >> (5 * i)) & 31)]);
        }

        Assert.Equal(expected.ToString(), Ids.FromRequestKey(kind, key));
    }

    [Theory]
    [MemberData(nameof(GeneratedKinds))]
    public void IsValidAcceptsAPrefixFollowedBySixteenLowerCaseCharacters(IdKind kind)
    {
        Assert.True(Ids.IsValid(kind, Ids.Prefix(kind) + "0123456789abcdef"));
        Assert.True(Ids.IsValid(kind, Ids.Prefix(kind) + "zzzzzzzzzzzzzzzz"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cl-")]
    [InlineData("cl-0123456789ABCDEF")]
    [InlineData("cl-0123456789abcdeF")]
    [InlineData("CL-0123456789abcdef")]
    [InlineData("Cl-0123456789abcdef")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef012")]
    [InlineData("20235")]
    [InlineData("co-0123456789abcdef")]
    [InlineData("wk-0123456789abcdef")]
    [InlineData("xx-0123456789abcdef")]
    [InlineData("cl_0123456789abcdef")]
    [InlineData("cl0123456789abcdefg")]
    [InlineData("cl-0123456789abcde")]
    [InlineData("cl-0123456789abcdef0")]
    [InlineData(" cl-0123456789abcdef")]
    [InlineData("cl-0123456789abcdef ")]
    [InlineData("cl-01234567-9abcdef")]
    [InlineData("cl-0123456789abcde\u00e9")]
    public void IsValidRejectsAnythingButAClientIdForTheClientKind(string? value)
    {
        Assert.False(Ids.IsValid(IdKind.Client, value));
    }

    [Theory]
    [InlineData("co-0123456789ABCDEF")]
    [InlineData("CO-0123456789abcdef")]
    [InlineData("cl-0123456789abcdef")]
    [InlineData("0123456789abcdef")]
    [InlineData("co-0123456789abcde")]
    [InlineData("co-0123456789abcdef0")]
    public void IsValidRejectsAnythingButACoachIdForTheCoachKind(string value)
    {
        Assert.False(Ids.IsValid(IdKind.Coach, value));
    }

    [Theory]
    [InlineData(IdKind.Client, "cl-0123456789abcdef\n")]
    [InlineData(IdKind.Coach, "co-0123456789abcdef\n")]
    [InlineData(IdKind.Neighbourhood, "wk-centrum\n")]
    public void IsValidRejectsAnIdWithATrailingNewline(IdKind kind, string value)
    {
        // "\n" after the id is not part of the format; an id that carries it would name a different grain.
        Assert.False(Ids.IsValid(kind, value));
    }

    [Theory]
    [InlineData("wk-a")]
    [InlineData("wk-0")]
    [InlineData("wk-centrum")]
    [InlineData("wk-feijenoord-2")]
    [InlineData("wk-a-")]
    [InlineData("wk-0123456789abcdef")]
    public void ANeighbourhoodIdIsWkFollowedByLowerCaseLettersDigitsOrHyphens(string value)
    {
        Assert.True(Ids.IsValid(IdKind.Neighbourhood, value));
    }

    [Fact]
    public void ANeighbourhoodIdHasAtMostSixtyCharactersAfterThePrefix()
    {
        Assert.True(Ids.IsValid(IdKind.Neighbourhood, "wk-" + new string('a', 60)));
        Assert.True(Ids.IsValid(IdKind.Neighbourhood, "wk-a" + new string('-', 59)));
        Assert.False(Ids.IsValid(IdKind.Neighbourhood, "wk-" + new string('a', 61)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wk-")]
    [InlineData("wk--centrum")]
    [InlineData("wk-Centrum")]
    [InlineData("WK-centrum")]
    [InlineData("wk_centrum")]
    [InlineData("wkcentrum")]
    [InlineData("centrum")]
    [InlineData("wk-centrum noord")]
    [InlineData("wk-centrum_noord")]
    [InlineData("wk-centrum.noord")]
    [InlineData(" wk-centrum")]
    [InlineData("wk-centrum ")]
    [InlineData("wk-zuidwijk-é")]
    [InlineData("cl-0123456789abcdef")]
    public void IsValidRejectsAnythingButANeighbourhoodIdForTheNeighbourhoodKind(string? value)
    {
        Assert.False(Ids.IsValid(IdKind.Neighbourhood, value));
    }

    [Fact]
    public void IsValidRejectsEveryValueForAnUnknownKind()
    {
        Assert.False(Ids.IsValid((IdKind)99, "cl-0123456789abcdef"));
        Assert.False(Ids.IsValid((IdKind)99, "wk-centrum"));
    }

    [Theory]
    [InlineData(IdKind.Client, "\"cl-\"")]
    [InlineData(IdKind.Coach, "\"co-\"")]
    [InlineData(IdKind.Neighbourhood, "\"wk-\"")]
    public void DescribeNamesThePrefixOfTheKind(IdKind kind, string quotedPrefix)
    {
        Assert.Contains(quotedPrefix, Ids.Describe(kind), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ex-vertrouwen-werkt", true)]
    [InlineData("ex-2026", true)]
    [InlineData("ex-", false)]
    [InlineData("ex-Vertrouwen", false)]
    [InlineData("wk-vertrouwen-werkt", false)]
    [InlineData("vertrouwen-werkt", false)]
    public void AnExperimentIdIsExAndASlug(string id, bool valid)
    {
        Assert.Equal(valid, Ids.IsValid(IdKind.Experiment, id));
        Assert.Equal("must be \"ex-\" followed by 1-60 lower-case letters, digits or hyphens", Ids.Describe(IdKind.Experiment));
    }
}
