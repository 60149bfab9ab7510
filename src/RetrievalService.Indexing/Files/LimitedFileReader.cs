namespace RetrievalService.Indexing.Files;

/// <summary>
/// Reads a file the way indexing must, whatever its name points at: a symbolic link is followed to its target, which
/// must be a regular file (a FIFO would block, a device never ends); a file over the limit is refused before it is read;
/// the file is opened once and read at most one byte past the limit, so one that grows meanwhile cannot exhaust memory.
/// </summary>
internal static class LimitedFileReader
{
    /// <summary>The file's bytes, or (<see cref="FileBytes.Bytes"/> null) its length when it has more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IOException">It cannot be opened or read, or it is not a regular file (the message says what it is).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static async Task<FileBytes> ReadAsync(string path, long maxBytes, CancellationToken ct)
    {
        using var handle = UnixFile.OpenForReading(path);
        var (notRegular, length) = UnixFile.Describe(handle);
        if (notRegular is not null)
        {
            throw new IOException($"it is {notRegular}, not a regular file");
        }
        if (length > maxBytes)
        {
            return new FileBytes(null, length);
        }
        var limit = Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = new byte[Math.Min(length + 1, limit)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled >= limit)
                {
                    return new FileBytes(null, filled);
                }
                // The file grew since it was measured.
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(filled), filled, ct);
            if (read == 0)
            {
                return new FileBytes(buffer.AsMemory(0, filled), filled);
            }
            filled += read;
        }
    }
}

/// <summary>What <see cref="LimitedFileReader"/> read: the bytes, or null when the file is over the limit.</summary>
/// <param name="Bytes">The whole file; null when it has more bytes than the limit.</param>
/// <param name="Length">The file's length; when it grew past the limit while being read, the bytes seen.</param>
internal readonly record struct FileBytes(ReadOnlyMemory<byte>? Bytes, long Length);
