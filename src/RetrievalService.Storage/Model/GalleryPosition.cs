using System.Globalization;

namespace RetrievalService.Storage.Model;

/// <summary>
/// A position in the primary's write-ahead log (PostgreSQL's <c>pg_lsn</c>, written <c>16/B374D848</c>): every write
/// committed before it was read is at or before it, so a standby that has replayed it shows those writes.
/// </summary>
/// <param name="Value">The 64-bit log sequence number.</param>
public readonly record struct GalleryPosition(ulong Value) : IComparable<GalleryPosition>
{
    /// <summary>Reads PostgreSQL's text form: 1..8 hexadecimal digits, '/', 1..8 hexadecimal digits; nothing else.</summary>
    public static bool TryParse(string? text, out GalleryPosition position)
    {
        position = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0 || !IsHexPart(text.AsSpan(0, slash)) || !IsHexPart(text.AsSpan(slash + 1)))
        {
            return false;
        }
        var high = uint.Parse(text.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var low = uint.Parse(text.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        position = new GalleryPosition(((ulong)high << 32) | low);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(GalleryPosition other) => Value.CompareTo(other.Value);

    /// <summary>PostgreSQL's text form, as <c>pg_current_wal_lsn()</c> prints it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 32:X}/{(uint)Value:X}");

    // The parsers would also take white space and signs; a position is digits only.
    private static bool IsHexPart(ReadOnlySpan<char> part) =>
        part.Length is > 0 and <= 8 && !part.ContainsAnyExcept("0123456789abcdefABCDEF");
}
