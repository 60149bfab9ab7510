using Npgsql;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Schema;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// Registers a teacher model, creating its table (<c>vector(D)</c> up to 2000 dims, <c>halfvec(D)</c> up to
    /// 4000) with its HNSW index. Idempotent; concurrent calls are serialised.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model exists with another dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is outside 1..4000.</exception>
    public Task<GalleryModel> RegisterModelAsync(string modelId, int dimension, CancellationToken cancellationToken = default) =>
        RegisterModelAsync(modelId, dimension, null, cancellationToken);

    /// <summary>
    /// As <see cref="RegisterModelAsync(string, int, CancellationToken)"/>, recording the image pipeline
    /// (<paramref name="preprocessing"/>) that makes the model's vectors. A gallery registered before pipelines were
    /// recorded adopts it (logged); one recorded with another pipeline is refused.
    /// </summary>
    /// <exception cref="DimensionMismatchException">The model exists with another dimension.</exception>
    /// <exception cref="PreprocessingMismatchException">The model's gallery was indexed with another pipeline.</exception>
    public async Task<GalleryModel> RegisterModelAsync(string modelId, int dimension, string? preprocessing, CancellationToken cancellationToken = default)
    {
        ItemValidation.ModelId(modelId);
        var kind = GalleryModel.KindFor(dimension);
        if (_models.TryGetValue(modelId, out var cached) && (preprocessing is null || cached.Preprocessing == preprocessing))
        {
            return cached.Dimension == dimension ? cached : throw new DimensionMismatchException(modelId, cached.Dimension, dimension);
        }
        await EnsureSchemaAsync(cancellationToken);
        var model = await _retry.WriteAsync(async (connection, ct) =>
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await DdlLock.AcquireAsync(connection, tx, ct);
            var existing = await ReadModelAsync(connection, tx, modelId, ct);
            if (existing is null)
            {
                existing = await InsertModelAsync(connection, tx, new GalleryModel(modelId, dimension, kind) { Preprocessing = preprocessing }, ct);
            }
            else if (preprocessing is not null && existing.Preprocessing is null && existing.Dimension == dimension)
            {
                existing = await AdoptPreprocessingAsync(connection, tx, existing, preprocessing, ct);
            }
            await tx.CommitAsync(ct);
            return existing;
        }, cancellationToken);
        if (model.Dimension != dimension)
        {
            throw new DimensionMismatchException(modelId, model.Dimension, dimension);
        }
        if (preprocessing is not null && model.Preprocessing != preprocessing)
        {
            throw new PreprocessingMismatchException(modelId, model.Preprocessing!, preprocessing);
        }
        _models[modelId] = model;
        return model;
    }

    /// <summary>The registered model, or null.</summary>
    public async Task<GalleryModel?> FindModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ItemValidation.ModelId(modelId);
        if (_models.TryGetValue(modelId, out var cached))
        {
            return cached;
        }
        await EnsureSchemaAsync(cancellationToken);
        var model = await _retry.ReadAsync((c, ct) => ReadModelAsync(c, null, modelId, ct), cancellationToken);
        return model is null ? null : _models.GetOrAdd(modelId, model);
    }

    /// <summary>All registered models, by id.</summary>
    public async Task<IReadOnlyList<GalleryModel>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _retry.ReadAsync(async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT model_key, model_id, dimension, preprocessing FROM models ORDER BY model_id", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var models = new List<GalleryModel>();
            while (await reader.ReadAsync(ct))
            {
                models.Add(ToModel(reader));
            }
            return models;
        }, cancellationToken);
    }

    private async Task<GalleryModel> ModelAsync(string modelId, CancellationToken ct) =>
        await FindModelAsync(modelId, ct) ?? throw new UnknownModelException(modelId);

    private async Task<GalleryModel> InsertModelAsync(NpgsqlConnection connection, NpgsqlTransaction tx, GalleryModel model, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO models (model_id, dimension, vector_type, preprocessing) VALUES (@model_id, @dimension, @vector_type, @preprocessing)
            RETURNING model_key
            """, connection, tx);
        insert.Parameters.AddWithValue("preprocessing", (object?)model.Preprocessing ?? DBNull.Value);
        insert.Parameters.AddWithValue("model_id", model.ModelId);
        insert.Parameters.AddWithValue("dimension", model.Dimension);
        insert.Parameters.AddWithValue("vector_type", EmbeddingValues.TypeName(model.Kind));
        model = model with { Key = (int)(await insert.ExecuteScalarAsync(ct))! };
        var ddl = ModelTableSql.CreateTable(model) + ";\n" + ModelTableSql.CreateHnswIndex(
            model, SqlNames.HnswIndex(model.Key), _options.HnswM, _options.HnswEfConstruction, concurrently: false);
        await using var create = new NpgsqlCommand(ddl, connection, tx);
        await create.ExecuteNonQueryAsync(ct);
        StorageLog.ModelRegistered(_logger, model.ModelId, model.Dimension, EmbeddingValues.TypeName(model.Kind), SqlNames.ItemsTable(model.Key));
        return model;
    }

    // Galleries indexed before the pipeline was recorded were made by the pipeline of their time; the one that replaced
    // it moved no measured score (docs/results/image-pipeline/agreement.md), so such a gallery is taken over, not refused.
    private async Task<GalleryModel> AdoptPreprocessingAsync(NpgsqlConnection connection, NpgsqlTransaction tx, GalleryModel model, string preprocessing, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand(
            "UPDATE models SET preprocessing = @preprocessing WHERE model_key = @model_key AND preprocessing IS NULL", connection, tx);
        update.Parameters.AddWithValue("preprocessing", preprocessing);
        update.Parameters.AddWithValue("model_key", model.Key);
        await update.ExecuteNonQueryAsync(ct);
        StorageLog.PreprocessingAdopted(_logger, model.ModelId, preprocessing);
        return model with { Preprocessing = preprocessing };
    }

    private static async Task<GalleryModel?> ReadModelAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string modelId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT model_key, model_id, dimension, preprocessing FROM models WHERE model_id = @model_id", connection, tx);
        command.Parameters.AddWithValue("model_id", modelId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ToModel(reader) : null;
    }

    private static GalleryModel ToModel(NpgsqlDataReader reader)
    {
        var dimension = reader.GetInt32(2);
        return new GalleryModel(reader.GetString(1), dimension, GalleryModel.KindFor(dimension))
        {
            Key = reader.GetInt32(0),
            Preprocessing = reader.IsDBNull(3) ? null : reader.GetString(3),
        };
    }
}
