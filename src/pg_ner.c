/*
 * pg_ner.c — the trained entity tagger's model file, loaded once per backend.
 *
 * The weights live in $(sharedir)/extension/arabic_news_ner.model, installed
 * with the extension (make install), so they belong to the installed
 * version exactly as the compiled-in gazetteer does: that is what keeps
 * ar_entities / ar_entity_keys IMMUTABLE.  The first call that tags
 * entities reads the file into its own memory context under
 * TopMemoryContext, has the core validate it (ArNerModelOpen) and hands it
 * to the matcher (ArEntitiesSetModel).
 *
 * The superuser-only setting arabic_news.ner_model names another file, for
 * tests and experiments; the next call after a change loads that file.  A
 * missing or damaged file raises an error on every call until the setting
 * names a good file again: the old model is dropped before the new one is
 * read, so no call ever tags with a model other than the one named, and a
 * failed load leaves nothing behind.
 */
#include "pg_common.h"

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "ner_model.h"

#define NER_MODEL_FILE	"arabic_news_ner.model"
/* Far above any model we ship (the issue caps it at 20 MB): a bound on what
 * a wrong setting makes us read into memory. */
#define NER_MODEL_MAX_BYTES	((off_t) 256 * 1024 * 1024)

/* the setting arabic_news.ner_model; '' = the installed file */
static char *ner_model_setting = NULL;

/* What is loaded: the setting it was loaded for (NULL: nothing), the
 * context that holds the image and the wrapper, and the model. */
static char *loaded_setting = NULL;
static MemoryContext model_cxt = NULL;
static ArNerModel *model = NULL;

/* Define arabic_news.ner_model (called from _PG_init). */
void
ArNerDefineSettings(void)
{
	DefineCustomStringVariable("arabic_news.ner_model",
							   "File of the entity tagger's model; empty means the installed one.",
							   "For tests and experiments: ar_entities and ar_entity_keys are "
							   "IMMUTABLE because the model is part of the installed extension. "
							   "Rebuild indexes on ar_entity_keys after tagging with another model.",
							   &ner_model_setting,
							   "",
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("arabic_news");
#else
	EmitWarningsOnPlaceholders("arabic_news");
#endif
}

/* Forget the loaded model: the matcher first, then its memory. */
static void
ner_unload(void)
{
	ArEntitiesSetModel(NULL);
	if (model)
		ArNerModelClose(model);
	model = NULL;
	if (model_cxt)
		MemoryContextDelete(model_cxt);
	model_cxt = NULL;
	if (loaded_setting)
		pfree(loaded_setting);
	loaded_setting = NULL;
}

/* The file the setting names: itself, or the installed model for ''. */
static char *
ner_model_path(const char *setting)
{
	char		sharedir[MAXPGPATH];

	if (setting[0] != '\0')
		return pstrdup(setting);
	get_share_path(my_exec_path, sharedir);
	return psprintf("%s/extension/%s", sharedir, NER_MODEL_FILE);
}

/* The hint for a file that is not there, by who chose it. */
static const char *
ner_missing_hint(const char *setting)
{
	if (setting[0] != '\0')
		return "Check the setting arabic_news.ner_model, or RESET it to use the installed model.";
	return "The model is installed with the extension: run \"make install\" of arabic_news again.";
}

/*
 * Read the whole file at path into a palloc'd buffer of the current
 * context; *len gets its size.  Errors name the file.
 */
static uint8_t *
ner_read_file(const char *path, const char *setting, size_t *len)
{
	int			fd;
	struct stat st;
	uint8_t    *buf;
	size_t		done = 0;

	fd = OpenTransientFile(path, O_RDONLY | PG_BINARY);
	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open the entity model file \"%s\": %m", path),
				 errhint("%s", ner_missing_hint(setting))));
	if (fstat(fd, &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat the entity model file \"%s\": %m", path)));
	if (!S_ISREG(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("entity model \"%s\" is not a regular file", path),
				 errhint("%s", ner_missing_hint(setting))));
	if (st.st_size > NER_MODEL_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("entity model file \"%s\" is too large (%lld bytes)", path,
						(long long) st.st_size),
				 errdetail("A model file has at most %lld bytes.", (long long) NER_MODEL_MAX_BYTES),
				 errhint("%s", ner_missing_hint(setting))));
	buf = palloc((size_t) st.st_size + 1);
	while (done < (size_t) st.st_size)
	{
		ssize_t		n = read(fd, buf + done, (size_t) st.st_size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read the entity model file \"%s\": %m", path)));
		if (n == 0)
			break;				/* shrank while we read: the core sees the short image */
		done += (size_t) n;
	}
	CloseTransientFile(fd);
	*len = done;
	return buf;
}

/* Load the model the setting names into a fresh context; error on any defect. */
static void
ner_load(const char *setting)
{
	MemoryContext cxt,
				old;
	char	   *path = ner_model_path(setting);
	uint8_t    *image;
	size_t		len;
	const char *err = NULL;
	ArNerModel *m;

	cxt = AllocSetContextCreate(TopMemoryContext, "arabic_news entity model",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		image = ner_read_file(path, setting, &len);
		m = ArNerModelOpen(image, len, &err);	/* the wrapper goes to cxt too */
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	if (m == NULL)
	{
		MemoryContextDelete(cxt);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("entity model file \"%s\" is damaged: %s", path,
						err ? err : "unknown defect"),
				 errhint("%s", setting[0] != '\0'
						 ? "Point arabic_news.ner_model at a file written by \"make train-ner\", or RESET it."
						 : "Reinstall arabic_news (\"make install\") to restore the shipped model.")));
	}
	model_cxt = cxt;
	model = m;
	loaded_setting = MemoryContextStrdup(TopMemoryContext, setting);
	ArEntitiesSetModel(m);
	pfree(path);
}

/*
 * Make sure the matcher tags with the model arabic_news.ner_model names;
 * every SQL function that tags entities calls this first.  Costs a string
 * compare once loaded.
 */
void
ArNerRequireModel(void)
{
	const char *setting = ner_model_setting ? ner_model_setting : "";

	if (loaded_setting && strcmp(loaded_setting, setting) == 0)
		return;
	ner_unload();
	ner_load(setting);
}
