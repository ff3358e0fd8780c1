/* The destination pattern of an IM and Presence static route. */
#ifndef FW_PATTERN_H
#define FW_PATTERN_H

/*
 * The domain's labels reversed, with a leading dot and a trailing ".*":
 * "domaina.com" gives ".com.domaina.*" (guide, "Configure Static Route on
 * IM and Presence Service for Microsoft Servers", step 3). A trailing dot
 * of the domain is ignored; case is kept. Free with free().
 */
char *fw_dest_pattern(const char *domain);

#endif
