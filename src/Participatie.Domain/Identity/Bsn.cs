namespace Participatie.Domain;

/// <summary>
/// The citizen service number (burgerservicenummer). Used only for payment and exchange with other agencies:
/// never a key, never in a log line or an error message. <see cref="ToString"/> is masked for that reason.
/// </summary>
public readonly record struct Bsn
{
    private readonly string _digits;

    private Bsn(string digits) => _digits = digits;

    /// <summary>The nine digits, for the payment export only.</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>
    /// Checks the eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a positive multiple of 11 (so 000000000 fails).
    /// Eight-digit numbers are read with a leading zero, as the registry issues them.
    /// </summary>
    public static bool IsValid(string? value) => TryParse(value, out _);

    public static bool TryParse(string? value, out Bsn bsn)
    {
        bsn = default;
        if (value is null || value.Length is < 8 or > 9)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var digits = value.Length == 8 ? "0" + value : value;
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        if (sum == 0 || sum % 11 != 0)
        {
            return false;
        }

        bsn = new Bsn(digits);
        return true;
    }

    /// <summary>Masked: a BSN must never end up in a log by accident.</summary>
    public override string ToString() => "BSN(*********)";
}
